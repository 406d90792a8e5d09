package io.github.fashionml.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX operators a network's layers need that Tribuo's {@code ONNXOperators} lacks, declared through its
 * {@link ONNXOperator} interface so that nodes are built, named and checked (inputs, attributes) the same way.
 * Each is the opset 13 version of the operator (ONNX's Operators.md).
 */
enum LayerOperators implements ONNXOperator {
    /** X [N,C,H,W], W [M,C,kH,kW], optional B [M]. */
    CONV("Conv", 2, 1, List.of(
            new ONNXAttribute("kernel_shape", AttributeType.INTS, true),
            new ONNXAttribute("strides", AttributeType.INTS, true),
            new ONNXAttribute("pads", AttributeType.INTS, true),
            new ONNXAttribute("dilations", AttributeType.INTS, true))),
    /** Only the first output (the values), without padding: floor((H - k) / s) + 1 rows, like DL4J's Truncate. */
    MAX_POOL("MaxPool", 1, 0, List.of(
            new ONNXAttribute("kernel_shape", AttributeType.INTS, true),
            new ONNXAttribute("strides", AttributeType.INTS, true),
            new ONNXAttribute("pads", AttributeType.INTS, true))),
    RELU("Relu", 1, 0, List.of()),
    /** The target shape is the second input (int64); -1 keeps the batch dimension dynamic. */
    RESHAPE("Reshape", 2, 0, List.of()),
    TRANSPOSE("Transpose", 1, 0, List.of(
            new ONNXAttribute("perm", AttributeType.INTS, true))),
    /** [d0, d1, ...] to [d0, d1 * d2 * ...] in row-major order (axis 1). */
    FLATTEN("Flatten", 1, 0, List.of(
            new ONNXAttribute("axis", AttributeType.INT, true)));

    static final int OPSET_VERSION = 13;

    private final String opName;
    private final int inputs;
    private final int optionalInputs;
    private final Map<String, ONNXAttribute> attributes;
    private final Set<String> mandatory;

    LayerOperators(String opName, int inputs, int optionalInputs, List<ONNXAttribute> attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.optionalInputs = optionalInputs;
        Map<String, ONNXAttribute> byName = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (ONNXAttribute attribute : attributes) {
            byName.put(attribute.getName(), attribute);
            if (attribute.isMandatory()) {
                required.add(attribute.getName());
            }
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.mandatory = Collections.unmodifiableSet(required);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return optionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return mandatory;
    }

    @Override
    public int getOpVersion() {
        return OPSET_VERSION;
    }

    /** The default ONNX domain, as Tribuo's own operators declare it. */
    @Override
    public String getOpDomain() {
        return null;
    }
}
