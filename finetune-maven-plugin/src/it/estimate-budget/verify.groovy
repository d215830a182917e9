def log = new File(basedir, 'build.log').text
assert log.contains('finetune: estimated cost $0.0085 exceeds the budget of $0.001 (maxCostUsd)')
assert log.contains('BUILD FAILURE')
true
