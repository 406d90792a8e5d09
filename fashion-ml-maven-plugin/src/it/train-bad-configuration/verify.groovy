def log = new File(basedir, 'build.log').text
assert log.contains('Invalid model configuration')
assert log.contains("model 'cnn': epochs must be at least 1 (got 0)")
assert log.contains("model name 'cnn' is used twice")
assert log.contains("model name '../escape' is not safe as a folder name")
assert log.contains("model 'fast': learningRate must be a positive number such as 0.001 (got -0.1)")
assert log.contains("model 'stopping': unknown earlyStopping monitor 'testAccuracy': use validationLoss or validationAccuracy")
assert log.contains("model 'stopping': earlyStopping patience must be at least 1 epoch (got 0)")
assert log.contains("model 'stopping': earlyStopping minDelta must be 0 or a small positive number")
assert log.contains("model 'stopping': unknown schedule type 'linear': use one of constant, cosine, onecycle, plateau")
assert log.contains("model 'dnn': <sweep><learningRate> has the value 'fast', which is not a number such as 0.001; "
        + "write the values separated by commas, e.g. <learningRate>0.001,0.002</learningRate>")
assert !log.contains('training cnn')
assert !log.contains('training dnn')
assert !new File(basedir, 'target/fashion-ml/cnn').exists()
assert !new File(basedir, 'escape').exists()
true
