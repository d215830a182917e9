def log = new File(basedir, 'build.log').text
assert log.contains('train.jsonl: 12 examples, 0 error(s), 1 warning(s)')
assert log.contains('[WARNING]') && log.contains('few_examples')
assert log.contains('944 tokens per epoch, 8 epochs (heuristic), 7,552 trained tokens')
assert log.contains('Estimated cost: USD 0.0227 (USD 3.00 per 1M trained tokens')
assert log.contains('BUILD SUCCESS')
true
