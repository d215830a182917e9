// The build failed on both errors, each with file, line, field and code.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/finetune/train.jsonl').canonicalPath
assert log.contains("[ERROR] ${file}:3 messages[1].role: ERROR unrecognized_role:")
assert log.contains("[ERROR] ${file}:7 ") && log.contains('example_missing_assistant_message')
assert log.contains('finetune: 2 error(s) in the training data:')
assert log.contains('BUILD FAILURE')
true
