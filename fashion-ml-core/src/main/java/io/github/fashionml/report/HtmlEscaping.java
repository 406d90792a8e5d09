package io.github.fashionml.report;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.tools.generic.EscapeTool;

/**
 * Escapes every value a template inserts, so text from outputs (model names, class names, paths) can never
 * become markup. Templates put values only in element content and double-quoted attributes, where HTML
 * escaping is the right one.
 */
public final class HtmlEscaping implements ReferenceInsertionEventHandler {
    private static final EscapeTool ESCAPE = new EscapeTool();

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        return value == null ? null : ESCAPE.html(value);
    }
}
