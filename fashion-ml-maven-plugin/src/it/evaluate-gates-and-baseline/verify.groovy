import groovy.json.JsonSlurper

def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text

// 1: reports, evaluation files, comparison with McNemar.
assert log.contains('              precision    recall  f1-score   support')
assert log.contains('  Ankle boot ')
assert log =~ /cnn: accuracy 0\.\d{4} \(95% CI 0\.\d{4}-0\.\d{4}\), macro F1/
['cnn', 'dnn'].each { model ->
    def e = json.parse(new File(basedir, "target/good/${model}/evaluation.json"))
    assert e.model == model
    assert e.count == 1000
    assert e.classes.size() == 10
    assert e.classes[9].name == 'Ankle boot'
    assert e.confusionMatrix.size() == 10 && e.confusionMatrix.every { it.size() == 10 }
    assert e.confusionMatrix.flatten().sum() == 1000
    assert e.accuracyInterval.lower < e.accuracy && e.accuracy < e.accuracyInterval.upper
    assert e.samples.predicted.size() == 1000
    assert e.accuracy > 0.6
}
def comparison = json.parse(new File(basedir, 'target/good/comparison.json'))
assert comparison.models*.model == ['cnn', 'dnn']
assert comparison.pairs.size() == 1
assert comparison.pairs[0].pValue >= 0 && comparison.pairs[0].pValue <= 1
assert comparison.pairs[0].verdict.contains('cnn') && comparison.pairs[0].verdict.contains('dnn')
assert log.contains('McNemar cnn vs dnn:')
assert comparison.multipleComparisons == 'Holm-Bonferroni'
assert comparison.pairs[0].pValue > 0 : "a p-value from the survival function is never 0"
assert comparison.pairs[0].adjustedPValue == comparison.pairs[0].pValue : "one pair: nothing to adjust"
// compare's CI summary: models, each gate's result, the verdict.
def summary = new File(basedir, 'target/good/summary.md').text
assert summary.startsWith('## fashion-ml: model comparison')
assert summary =~ /\| cnn \| 0\.\d{4} \(0\.\d{4}-0\.\d{4}\) \| 0\.\d{4} \| \d+\.\d \| 1 of 1 \|/
assert summary =~ /\| dnn \| minAccuracy \| 0\.6000 \| accuracy 0\.\d{4} \| pass \|/
assert summary =~ /\| dnn \| minMacroF1 \| 0\.5000 \| macro F1 0\.\d{4} \| pass \|/
assert summary.contains('| cnn vs dnn |')

// 2: the gate raised above what the models reach fails, naming model, figure and threshold.
assert log =~ /model 'cnn': accuracy 0\.\d{4} is below minAccuracy 0\.9900/
assert log =~ /model 'dnn': accuracy 0\.\d{4} is below minAccuracy 0\.9900/

// 3: the worse model regresses against the good one's evaluation; per-class deltas are printed.
assert log =~ /Model 'dnn' regressed: accuracy 0\.\d{4} is 0\.\d{4} below the baseline 0\.\d{4}/
assert log =~ /T-shirt\/top\s+recall 0\.\d{4} -> 0\.\d{4}/
assert log =~ /Baseline \S+good\/dnn\/evaluation.json \(dnn\): accuracy 0\.\d{4} -> 0\.\d{4}/

// 4: the installed model artifact, resolved and evaluated on the same 1,000 test images, gives the same accuracy
// as its evaluation.json did.
assert log.contains('Baseline model io.github.fashionml.it:evaluate-gates-and-baseline:zip:dnn:1.0 resolved to')
def good = json.parse(new File(basedir, 'target/good/dnn/evaluation.json'))
def againstArtifact = json.parse(new File(basedir, 'target/worse/comparison.json')).baseline
assert againstArtifact.baselineModel == 'dnn (baseline)'
assert Math.abs(againstArtifact.baselineAccuracy - good.accuracy) < 1e-9
assert againstArtifact.regressed == false
assert againstArtifact.classDeltas.size() == 10
// 5: soft gates: each missed gate is a warning, and the build succeeded.
assert log =~ /\[WARNING\] Quality gate missed: model 'cnn': accuracy 0\.\d{4} is below minAccuracy 0\.9900/
assert log.contains('quality gates missed; the build goes on because failOnGate is false')
true
