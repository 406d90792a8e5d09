def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/ml-outputs/dnn/evaluation.json').isFile()
assert log.contains("fashion-ml: reading the build's outputs from")
def index = new File(basedir, 'target/site/fashion-ml/index.html')
assert index.isFile() : 'no report written'
assert index.text.contains('<a href="model-dnn.html">dnn</a>') : 'the report does not list the model'
true
