package io.github.fashionml.util;

/** Where the core reports progress and warnings: the Maven log in the plugin, standard error elsewhere. */
public interface ProgressLog {
    void info(String message);

    void warn(String message);

    /** Reports to standard error, for use from a {@code main} or a test. */
    static ProgressLog standardError() {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                System.err.println("[fashion-ml] " + message);
            }

            @Override
            public void warn(String message) {
                System.err.println("[fashion-ml] WARNING: " + message);
            }
        };
    }

    /** Discards everything. */
    static ProgressLog silent() {
        return new ProgressLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
