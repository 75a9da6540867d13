package org.skyshare.sim.mavlink;

import io.dronefleet.mavlink.MavlinkDialect;
import io.dronefleet.mavlink.annotations.MavlinkFieldInfo;
import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.common.CommonDialect;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the codec knows about each message id: its Java type, the CRC_EXTRA seed and the full
 * payload length (MAVLink 2 trims trailing zero bytes, the decoder pads them back). One shared
 * instance; lookups after the first are a map read.
 */
final class MessageRegistry {
    static final MessageRegistry COMMON = new MessageRegistry(new CommonDialect());

    record Info(int id, int crcExtra, int payloadLength, int v1PayloadLength, Class<?> type) {
    }

    private final MavlinkDialect dialect;
    private final Map<Integer, Info> byId = new ConcurrentHashMap<>();
    private final Map<Class<?>, Info> byType = new ConcurrentHashMap<>();
    private final Info[] fast = new Info[65536];

    private MessageRegistry(MavlinkDialect dialect) {
        this.dialect = dialect;
        for (Class<?> type : dialect.messageTypes()) {
            Info info = describe(type);
            byId.put(info.id, info);
            byType.put(type, info);
            if (info.id < fast.length) {
                fast[info.id] = info;
            }
        }
    }

    /** The message with this id, or null when the dialect does not define it. */
    Info byId(int id) {
        if (id >= 0 && id < fast.length) {
            return fast[id];
        }
        return byId.get(id);
    }

    Info byType(Class<?> type) {
        Info info = byType.get(type);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " is not a MAVLink message of the " + dialect.name() + " dialect");
        }
        return info;
    }

    private static Info describe(Class<?> type) {
        MavlinkMessageInfo mi = type.getAnnotation(MavlinkMessageInfo.class);
        int full = 0;
        int base = 0;
        for (Method m : type.getMethods()) {
            MavlinkFieldInfo f = m.getAnnotation(MavlinkFieldInfo.class);
            if (f == null) {
                continue;
            }
            int size = f.unitSize() * Math.max(1, f.arraySize());
            full += size;
            if (!f.extension()) {
                base += size;
            }
        }
        return new Info(mi.id(), mi.crc(), full, base, type);
    }
}
