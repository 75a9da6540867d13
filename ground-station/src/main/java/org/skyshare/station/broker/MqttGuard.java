package org.skyshare.station.broker;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.util.HashSet;
import java.util.Set;

/**
 * Holds every MQTT packet to {@link TopicAcl} before Moquette sees it, where Moquette 0.17 does not:
 * <ul>
 *   <li>CONNECT with a client id of another login ({@link BrokerAccounts#clientIdOwner}): refused
 *       with CONNACK "identifier rejected", so nobody can take the station's id and knock it off;</li>
 *   <li>CONNECT with a Last Will (retained or not) on a topic the login may not publish to: refused
 *       with CONNACK "not authorised" (Moquette publishes Wills unchecked);</li>
 *   <li>PUBLISH (retained or not) to a topic the login may not publish to: dropped and answered the
 *       way MQTT 3.1.1 asks (3.3.5: a positive acknowledgement), PUBACK for QoS 1 and PUBREC/PUBCOMP
 *       for QoS 2, as Mosquitto does; Moquette would drop it without an answer and leave the client
 *       waiting.</li>
 * </ul>
 * Each refusal is logged and counted in {@link BrokerRefusals}. Moquette's own authenticator and
 * authoriser still run behind this guard.
 */
@ChannelHandler.Sharable
final class MqttGuard extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<BrokerAccount> ACCOUNT = AttributeKey.valueOf("skyshare.account");
    private static final AttributeKey<String> CLIENT_ID = AttributeKey.valueOf("skyshare.clientId");
    /** QoS 2 packet ids this guard refused, whose PUBREL it answers itself. */
    private static final AttributeKey<Set<Integer>> REFUSED_QOS2 = AttributeKey.valueOf("skyshare.refusedQos2");

    private final BrokerAccounts accounts;
    private final TopicAcl acl;
    private final BrokerRefusals refusals;

    MqttGuard(BrokerAccounts accounts, TopicAcl acl, BrokerRefusals refusals) {
        this.accounts = accounts;
        this.acl = acl;
        this.refusals = refusals;
    }

    /**
     * The client id of the CONNECT this guard is passing on, on the thread that passes it: Moquette
     * authenticates a CONNECT synchronously inside that call, so its authenticator can tell a
     * connection the guard let through from one that never met the guard ({@link #vetted}).
     */
    private static final ThreadLocal<String> VETTED = new ThreadLocal<>();

    /** True only inside the guard's hand-over of an admitted CONNECT with this client id. */
    static boolean vetted(String clientId) {
        return clientId != null && clientId.equals(VETTED.get());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttConnectMessage connect) {
            if (!admit(ctx, connect)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            VETTED.set(connect.payload().clientIdentifier());
            try {
                ctx.fireChannelRead(msg);
            } finally {
                VETTED.remove();
            }
            return;
        } else if (msg instanceof MqttPublishMessage publish) {
            if (!admit(ctx, publish)) {
                ReferenceCountUtil.release(msg);
                return;
            }
        } else if (msg instanceof MqttMessage m && m.fixedHeader() != null
                && m.fixedHeader().messageType() == MqttMessageType.PUBREL
                && m.variableHeader() instanceof MqttMessageIdVariableHeader id) {
            Set<Integer> refused = ctx.channel().attr(REFUSED_QOS2).get();
            if (refused != null && refused.remove(id.messageId())) {
                ctx.writeAndFlush(idMessage(MqttMessageType.PUBCOMP, id.messageId()));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private boolean admit(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        int version = connect.variableHeader().version();
        if (version != 3 && version != 4) {
            return true; // Moquette 0.17 refuses other protocol versions itself
        }
        String user = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
        String clientId = connect.payload().clientIdentifier();
        BrokerAccount account = user == null ? null : accounts.find(user).orElse(null);
        if (account == null) {
            return true; // unknown or anonymous: Moquette's authenticator refuses it
        }
        if (!accounts.ownsClientId(user, clientId)) {
            refusals.refuse(BrokerRefusals.Kind.CLIENT_ID, user, clientId, "a client id of "
                    + accounts.clientIdOwner(clientId).map(BrokerAccount::username).orElse("no login")
                    + "; " + user + " may use '" + user + "' or '" + user + "-...'");
            refuseConnect(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
            return false;
        }
        if (connect.variableHeader().isWillFlag()) {
            String willTopic = connect.payload().willTopic();
            if (willTopic == null || !acl.canWrite(account, willTopic)) {
                refusals.refuse(BrokerRefusals.Kind.WILL, user, clientId, (connect.variableHeader().isWillRetain()
                        ? "retained " : "") + "will on " + willTopic + ", which it may not publish to");
                refuseConnect(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
                return false;
            }
        }
        ctx.channel().attr(ACCOUNT).set(account);
        ctx.channel().attr(CLIENT_ID).set(clientId);
        return true;
    }

    private boolean admit(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        BrokerAccount account = ctx.channel().attr(ACCOUNT).get();
        if (account == null) {
            return true; // not logged in through this guard: Moquette closes the connection
        }
        String topic = publish.variableHeader().topicName();
        if (acl.canWrite(account, topic)) {
            return true;
        }
        MqttFixedHeader h = publish.fixedHeader();
        refusals.refuse(BrokerRefusals.Kind.PUBLISH, account.username(), ctx.channel().attr(CLIENT_ID).get(),
                (h.isRetain() ? "retained " : "") + "QoS " + h.qosLevel().value() + " message to " + topic
                        + ", which it may not publish to");
        int id = publish.variableHeader().packetId();
        if (h.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(id).build());
        } else if (h.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            Set<Integer> refused = ctx.channel().attr(REFUSED_QOS2).get();
            if (refused == null) {
                refused = new HashSet<>();
                ctx.channel().attr(REFUSED_QOS2).set(refused);
            }
            refused.add(id);
            ctx.writeAndFlush(idMessage(MqttMessageType.PUBREC, id));
        }
        return false;
    }

    private static void refuseConnect(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
        ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static MqttMessage idMessage(MqttMessageType type, int id) {
        MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 0), MqttMessageIdVariableHeader.from(id));
    }
}
