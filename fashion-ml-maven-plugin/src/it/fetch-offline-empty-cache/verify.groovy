def log = new File(basedir, 'build.log').text
assert log.contains('Maven is offline (-o): using local sources only')
assert log.contains('skipped: Maven is offline (-o)')
assert log.contains('no copy yet')
assert log.contains('sudo apt-get install dataset-fashion-mnist')
assert log.contains('-Dfashionml.dataDirectory=/path')
true
