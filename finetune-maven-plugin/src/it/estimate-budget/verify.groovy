def log = new File(basedir, 'build.log').text
assert log.contains('finetune: estimated cost USD 0.0085 exceeds maxCostUsd 0.001')
assert log.contains('BUILD FAILURE')
true
