def log = new File(basedir, 'build.log').text
assert log.contains('No verified dataset')
assert log.contains('add <goal>fetch-data</goal>')
true
