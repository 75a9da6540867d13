package org.skyshare.sim.mavlink;

import io.dronefleet.mavlink.annotations.MavlinkFieldInfo;
import io.dronefleet.mavlink.util.EnumValue;
import io.dronefleet.mavlink.util.WireFieldInfoComparator;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Payload (de)serialisation for io.dronefleet message classes with the reflection done once per
 * class. The library's own reflection serialisers look up and sort every field on every message,
 * which caps decoding at a few thousand frames per second; this keeps the same wire layout (the
 * library's field order, little-endian, UTF-8 strings, BigInteger for uint64) at a fraction of the
 * cost. Tests check it against the library for every message of the dialect.
 */
final class PayloadCodec {
    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return Plan.of(type);
        }
    };

    private PayloadCodec() {
    }

    static Object decode(byte[] payload, Class<?> type) {
        return PLANS.get(type).decode(payload);
    }

    static byte[] encode(Object message) {
        return PLANS.get(message.getClass()).encode(message);
    }

    private enum Kind { INT, LONG, FLOAT, DOUBLE, BIG, ENUM, STRING, BYTES, LIST }

    private record Field(int offset, int unitSize, int count, boolean signed, Kind kind, Kind elementKind,
                         Class<?> enumType, MethodHandle getter, MethodHandle setter) {
    }

    private record Plan(MethodHandle newBuilder, MethodHandle build, Field[] fields, int length) {
        static Plan of(Class<?> type) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Method builderFactory = type.getMethod("builder");
                Class<?> builderType = builderFactory.getReturnType();
                List<Method> getters = new ArrayList<>();
                for (Method m : type.getMethods()) {
                    if (m.isAnnotationPresent(MavlinkFieldInfo.class)) {
                        getters.add(m);
                    }
                }
                Comparator<MavlinkFieldInfo> wire = new WireFieldInfoComparator();
                getters.sort((a, b) -> wire.compare(a.getAnnotation(MavlinkFieldInfo.class), b.getAnnotation(MavlinkFieldInfo.class)));
                Field[] fields = new Field[getters.size()];
                int offset = 0;
                for (int i = 0; i < fields.length; i++) {
                    Method g = getters.get(i);
                    MavlinkFieldInfo info = g.getAnnotation(MavlinkFieldInfo.class);
                    int count = Math.max(1, info.arraySize());
                    Kind kind = kindOf(g.getReturnType());
                    Kind element = null;
                    if (kind == Kind.LIST) {
                        Type arg = ((ParameterizedType) g.getGenericReturnType()).getActualTypeArguments()[0];
                        element = kindOf((Class<?>) arg);
                    }
                    Method setter = builderType.getMethod(g.getName(), g.getReturnType());
                    MethodHandle getterHandle = lookup.unreflect(g).asType(MethodType.methodType(Object.class, Object.class));
                    MethodHandle setterHandle = lookup.unreflect(setter)
                            .asType(MethodType.methodType(Object.class, Object.class, Object.class));
                    fields[i] = new Field(offset, info.unitSize(), count, info.signed(), kind, element, info.enumType(),
                            getterHandle, setterHandle);
                    offset += info.unitSize() * count;
                }
                MethodHandle nb = lookup.unreflect(builderFactory).asType(MethodType.methodType(Object.class));
                MethodHandle build = lookup.unreflect(builderType.getMethod("build"))
                        .asType(MethodType.methodType(Object.class, Object.class));
                return new Plan(nb, build, fields, offset);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot plan MAVLink payload of " + type.getName() + ": " + e, e);
            }
        }

        private static Kind kindOf(Class<?> c) {
            if (c == int.class || c == Integer.class) {
                return Kind.INT;
            }
            if (c == long.class || c == Long.class) {
                return Kind.LONG;
            }
            if (c == float.class || c == Float.class) {
                return Kind.FLOAT;
            }
            if (c == double.class || c == Double.class) {
                return Kind.DOUBLE;
            }
            if (c == BigInteger.class) {
                return Kind.BIG;
            }
            if (c == EnumValue.class) {
                return Kind.ENUM;
            }
            if (c == String.class) {
                return Kind.STRING;
            }
            if (c == byte[].class) {
                return Kind.BYTES;
            }
            if (List.class.isAssignableFrom(c)) {
                return Kind.LIST;
            }
            throw new IllegalArgumentException("unsupported MAVLink field type " + c.getName());
        }

        Object decode(byte[] p) {
            try {
                Object b = newBuilder.invokeExact();
                for (Field f : fields) {
                    Object v = switch (f.kind) {
                        case STRING -> {
                            int end = f.offset;
                            int limit = Math.min(p.length, f.offset + f.count);
                            while (end < limit && p[end] != 0) {
                                end++;
                            }
                            yield new String(p, f.offset, Math.max(0, end - f.offset), StandardCharsets.UTF_8);
                        }
                        case BYTES -> Arrays.copyOfRange(p, f.offset, f.offset + f.count);
                        case LIST -> {
                            List<Object> list = new ArrayList<>(f.count);
                            for (int i = 0; i < f.count; i++) {
                                list.add(scalar(p, f.offset + i * f.unitSize, f.unitSize, f.signed, f.elementKind, f.enumType));
                            }
                            yield Collections.unmodifiableList(list);
                        }
                        // the library reads an enum array (ESC_INFO.failure_flags) as one integer over all its bytes
                        default -> scalar(p, f.offset, f.unitSize * f.count, f.signed, f.kind, f.enumType);
                    };
                    b = f.setter.invokeExact(b, v);
                }
                return build.invokeExact(b);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("decoding failed: " + t, t);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object scalar(byte[] p, int at, int size, boolean signed, Kind kind, Class<?> enumType) {
            long raw = 0;
            for (int i = size - 1; i >= 0; i--) {
                raw = (raw << 8) | (p[at + i] & 0xff);
            }
            if (signed && size < 8) {
                int shift = 64 - 8 * size;
                raw = (raw << shift) >> shift;
            }
            return switch (kind) {
                case INT -> (int) raw;
                case LONG -> raw;
                case FLOAT -> Float.intBitsToFloat((int) raw);
                case DOUBLE -> Double.longBitsToDouble(raw);
                case BIG -> raw >= 0 || signed ? BigInteger.valueOf(raw) : BigInteger.valueOf(raw).add(BigInteger.ONE.shiftLeft(64));
                case ENUM -> EnumValue.create((Class) enumType, (int) raw);
                default -> throw new IllegalStateException("not a scalar: " + kind);
            };
        }

        byte[] encode(Object message) {
            byte[] out = new byte[length];
            try {
                for (Field f : fields) {
                    Object v = f.getter.invokeExact(message);
                    if (v == null) {
                        continue;
                    }
                    switch (f.kind) {
                        case STRING -> {
                            byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
                            System.arraycopy(s, 0, out, f.offset, Math.min(s.length, f.count));
                        }
                        case BYTES -> {
                            byte[] s = (byte[]) v;
                            System.arraycopy(s, 0, out, f.offset, Math.min(s.length, f.count));
                        }
                        case LIST -> {
                            List<?> list = (List<?>) v;
                            for (int i = 0; i < Math.min(list.size(), f.count); i++) {
                                Object e = list.get(i);
                                if (e != null) {
                                    put(out, f.offset + i * f.unitSize, f.unitSize, bits(e, f.elementKind));
                                }
                            }
                        }
                        default -> put(out, f.offset, f.unitSize * f.count, bits(v, f.kind));
                    }
                }
                return out;
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("encoding failed: " + t, t);
            }
        }

        private static long bits(Object v, Kind kind) {
            return switch (kind) {
                case INT -> ((Integer) v).longValue();
                case LONG -> (Long) v;
                case FLOAT -> Float.floatToIntBits((Float) v) & 0xffffffffL;
                case DOUBLE -> Double.doubleToLongBits((Double) v);
                case BIG -> ((BigInteger) v).longValue();
                case ENUM -> ((EnumValue<?>) v).value();
                default -> throw new IllegalStateException("not a scalar: " + kind);
            };
        }

        private static void put(byte[] out, int at, int size, long v) {
            for (int i = 0; i < Math.min(size, 8); i++) {
                out[at + i] = (byte) (v >>> (8 * i));
            }
        }
    }
}
