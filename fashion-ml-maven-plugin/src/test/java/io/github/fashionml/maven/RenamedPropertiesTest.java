package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A property the plugin no longer reads fails the build with its new name instead of being ignored. */
class RenamedPropertiesTest {

    @Test
    void theOldModelSelectionPropertyNamesItsNewName() {
        Properties user = new Properties();
        user.setProperty("fashionml.models", "cnn");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AbstractFashionMlMojo.checkRenamedProperties(user));
        assertTrue(e.getMessage().startsWith("-Dfashionml.models was renamed -Dfashionml.modelNames")
                && e.getMessage().endsWith("use -Dfashionml.modelNames=cnn."), e.getMessage());
    }

    @Test
    void currentPropertiesPass() throws Exception {
        Properties user = new Properties();
        user.setProperty("fashionml.modelNames", "cnn");
        AbstractFashionMlMojo.checkRenamedProperties(user);
    }
}
