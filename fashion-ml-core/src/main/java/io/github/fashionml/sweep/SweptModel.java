package io.github.fashionml.sweep;

import java.util.List;

/**
 * A model with a {@code <sweep>}, as planned: its trials in grid order and the validation figure that chooses one.
 * After {@code train}, the model's name means the chosen trial: {@link SweepSelector} puts its files in the model's
 * folder.
 *
 * @param name       the model's name ({@code dnn})
 * @param selectBy   {@code validationAccuracy} or {@code validationLoss}
 * @param parameters the swept parameters' elements, in canonical order
 * @param trials     every trial of the grid
 */
public record SweptModel(String name, String selectBy, List<String> parameters, List<Trial> trials) {
    public SweptModel {
        parameters = List.copyOf(parameters);
        trials = List.copyOf(trials);
    }
}
