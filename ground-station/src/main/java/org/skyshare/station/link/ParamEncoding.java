package org.skyshare.station.link;

/**
 * How a parameter's value travels in PARAM_VALUE / PARAM_SET's float field
 * (https://mavlink.io/en/services/parameter.html#parameter-encoding). PX4 encodes integer
 * parameters byte-wise (the int's bits in the float) and refuses a PARAM_SET whose type differs
 * from the parameter's ("param types mismatch"); ArduPilot casts (C-style) and accepts any type.
 */
final class ParamEncoding {
    static final int REAL32 = 9;

    private ParamEncoding() {
    }

    /** MAV_PARAM_TYPE 1..8 are the integer types; 9 is REAL32. */
    static boolean isInteger(int mavParamType) {
        return mavParamType >= 1 && mavParamType <= 8;
    }

    static float decode(float wire, int mavParamType, boolean bytewise) {
        if (!bytewise || !isInteger(mavParamType)) {
            return wire;
        }
        int bits = Float.floatToRawIntBits(wire);
        return switch (mavParamType) {
            case 1 -> bits & 0xff;           // UINT8
            case 2 -> (byte) bits;           // INT8
            case 3 -> bits & 0xffff;         // UINT16
            case 4 -> (short) bits;          // INT16
            case 5 -> bits & 0xffffffffL;    // UINT32
            default -> bits;                 // INT32 (and 64-bit types, which do not fit)
        };
    }

    static float encode(float value, int mavParamType, boolean bytewise) {
        if (!bytewise || !isInteger(mavParamType)) {
            return value;
        }
        return Float.intBitsToFloat(Math.round(value));
    }
}
