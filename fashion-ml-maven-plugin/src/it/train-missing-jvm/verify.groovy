def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/fashion-ml/dnn/model.zip').isFile() : 'the first build trained nothing'
assert log.count('Forking a JVM for training (') == 1 : 'only the first build has work for a JVM'
assert log.contains('The java executable for the forked JVM, /no/such/java, does not exist. Set <jvm> '
        + '(-Dfashionml.jvm) to the java binary of a Java 17 or newer, or remove it')
true
