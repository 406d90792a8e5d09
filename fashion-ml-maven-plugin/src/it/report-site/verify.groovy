def site = new File(basedir, 'target/site')
def index = new File(site, 'fashion-ml/index.html')
assert index.isFile()
def html = index.text
assert html.contains('<a href="model-dnn.html">dnn</a>')
assert html.contains('built 2026-01-01T00:00:00Z')
// The standalone run (2) rendered dnn only, over the site run's pages.
assert !html.contains('<a href="model-cnn.html">cnn</a>')
assert new File(site, 'fashion-ml/model-cnn.html').isFile() : 'the site run (1) rendered cnn'
def dnn = new File(site, 'fashion-ml/model-dnn.html').text
assert dnn.contains('<svg xmlns="http://www.w3.org/2000/svg" class="heatmap"')
assert dnn.contains('class="line-chart"')
def reports = new File(site, 'project-reports.html')
assert reports.isFile() : 'no Project Reports page'
assert reports.text.contains('fashion-ml/index.html') : 'fashion-ml is not listed under Project Reports'
def log = new File(basedir, 'build.log').text
assert log.contains('fashion-ml report for [cnn, dnn] written to')
assert log.contains('fashion-ml report for [dnn] written to')
true
