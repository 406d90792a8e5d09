package io.github.fashionml.train.network;

/** A layer that can skip computing the gradient for its input when nothing below it reads that gradient. */
interface InputGradientOptional {
    void inputGradientNeeded(boolean needed);
}
