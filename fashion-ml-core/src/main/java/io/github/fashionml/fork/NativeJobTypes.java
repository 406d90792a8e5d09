package io.github.fashionml.fork;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

import java.io.IOException;
import java.lang.reflect.Modifier;

/**
 * Names a {@link NativeJob} in the request JSON by its class, as surefire's fork names its provider, so the fork
 * package lists no job: a new goal's job needs no change here. Reading accepts only concrete classes that implement
 * {@link NativeJob}, checked before the class is initialised, so a request file cannot make the child run the static
 * code of an arbitrary class.
 */
public final class NativeJobTypes extends TypeIdResolverBase {

    @Override
    public String idFromValue(Object value) {
        return value.getClass().getName();
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return value != null ? idFromValue(value) : suggestedType.getName();
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) throws IOException {
        Class<?> type;
        try {
            // Loaded without running its static initialisers: nothing of a refused class runs.
            type = Class.forName(id, false, NativeJob.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw refused(context, id, "no such class on this JVM's classpath (the parent and the forked JVM "
                    + "must run the same fashion-ml)");
        }
        if (!NativeJob.class.isAssignableFrom(type) || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())) {
            throw refused(context, id, "not a job: only a concrete class implementing " + NativeJob.class.getName()
                    + " is run");
        }
        return context.constructType(type);
    }

    private static InvalidTypeIdException refused(DatabindContext context, String id, String why) {
        return InvalidTypeIdException.from(null, "Job type '" + id + "' refused: " + why,
                context.constructType(NativeJob.class), id);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return "the name of a class implementing " + NativeJob.class.getName();
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
