// A toolchains.xml naming the JDK that runs this build, under a vendor name only this test uses.
def jdkHome = System.getProperty('java.home')
new File(basedir, 'toolchains.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides><version>17</version><vendor>fashion-ml-it</vendor></provides>
    <configuration><jdkHome>${jdkHome}</jdkHome></configuration>
  </toolchain>
</toolchains>
"""
new File(basedir, 'jdk-home.txt').text = jdkHome
true
