def log = new File(basedir, 'build.log').text
assert log.contains("No trained model 'cnn'")
assert log.contains('Run the train goal first')
true
