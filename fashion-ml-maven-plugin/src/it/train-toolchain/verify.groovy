def log = new File(basedir, 'build.log').text
def jdkHome = new File(basedir, 'jdk-home.txt').text
assert log.contains('Forked JVM from toolchain JDK[' + jdkHome + ']') : 'the toolchain was not used'
assert log.contains('Forking a JVM for training (' + jdkHome + '/bin/java;')
assert new File(basedir, 'target/fashion-ml/dnn/model.onnx').isFile()
true
