// Trained on the emulator inside the build: progress in the log, the model name in a file, the run saved.
def log = new File(basedir, 'build.log').text
def model = new File(basedir, 'target/finetune/fine-tuned-model.txt').text.trim()
assert model.startsWith('ft:gpt-4o-mini-2024-07-18:emulator:t1000:')
assert log.contains("Fine-tuned model: ${model}")
assert log.contains('  Step 36/36: training loss=')
assert log.findAll(/\[INFO\]   Step \d+\/36/).size() <= 11
assert log.contains('status running -> succeeded')
assert !log.contains('\r')
assert new File(basedir, 'finetune.state.json').text.contains(model)
assert log.contains('BUILD SUCCESS')
true
