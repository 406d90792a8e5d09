package io.github.fashionml.scaleout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One leg of a plan: a model, or a sweep's trial, trained by one job of a CI matrix.
 *
 * @param name        the model's or trial's name: {@code -Dfashionml.modelNames=<name>} trains it alone
 * @param model       the configured model it belongs to (the swept model for a trial, else its own name)
 * @param fingerprint the SHA-256 of its training inputs: what the gather checks the published leg against
 * @param coordinates where its artifact is published
 */
@JsonPropertyOrder({"name", "model", "fingerprint", "coordinates"})
public record Leg(String name, String model, String fingerprint, String coordinates) {
}
