package io.github.fashionml.fork;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.nativeblas.NativeSettings;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;

/**
 * Work that runs on ND4J's native backend, described by plain values so that {@link JobRunner} can hand it to a
 * child JVM as JSON ({@link ChildMain} runs it there) or run it in this one. Each goal that needs native code has
 * one, next to the run it calls; the JSON names it by its class ({@link NativeJobTypes}), so adding one changes
 * nothing in this package.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(NativeJobTypes.class)
public interface NativeJob {

    /** What the job does, for messages: "training", "evaluation". */
    String activity();

    /** Does the work with a started backend. */
    void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException;

    /**
     * Does the work here and now if it needs no native code (every model is up to date), so no JVM is started
     * and ND4J is not loaded; returns whether it did. The default: native code is always needed.
     *
     * @param settings the native settings a run would use, planned only when asked for (a job that needs none
     *                 works on any platform)
     */
    default boolean completeWithoutNative(PlannedSettings settings, ProgressLog log)
            throws FashionMlException, IOException {
        return false;
    }

    /** The native settings, planned on first use. */
    @FunctionalInterface
    interface PlannedSettings {
        NativeSettings get() throws io.github.fashionml.ConfigurationException;
    }
}
