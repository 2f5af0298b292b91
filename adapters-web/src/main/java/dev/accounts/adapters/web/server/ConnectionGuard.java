package dev.accounts.adapters.web.server;

import dev.accounts.adapters.web.client.ClientAddresses;
import dev.accounts.adapters.web.logging.LogText;
import dev.accounts.adapters.web.logging.SampledLog;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps slow and numerous clients from holding the server's connections. A request's headers must arrive
 * within {@link ConnectionLimits#headerReadTimeout()} of its first byte, and its body within
 * {@link ConnectionLimits#bodyReadTimeout()} of its headers; past the connection cap, or past the cap for one
 * address (trusted proxies, which speak for many clients, excepted), new connections are closed at once.
 * Idle keep-alive connections are closed by {@code server.netty.idle-timeout}. A request Netty cannot
 * decode (a malformed chunk, a control character in a header name, 1,000 headers) costs one log line, with
 * what the client wrote escaped, instead of Reactor Netty's warning that repeats the whole request.
 *
 * <p>Both deadlines are ours. Reactor Netty's idle timeout restarts with every byte, so a client sending one
 * byte a second would hold a connection for as long as its headers may be long. Its {@code requestTimeout}
 * schedules a task per request that stays queued, holding the finished request, until it expires: at 10,000
 * requests a second, 25,000 finished requests stayed alive and kept the old generation full. Here each
 * connection has at most one timer, which moves its deadline on instead of being rescheduled per request.
 */
public final class ConnectionGuard implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private final ConnectionLimits limits;
    private final ClientAddresses clients;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> openByAddress = new ConcurrentHashMap<>();
    private final SampledLog refusedConnections = new SampledLog(log, Level.WARN, Duration.ofMinutes(1));
    private final SampledLog slowClients = new SampledLog(log, Level.INFO, Duration.ofMinutes(1));
    private final SampledLog malformedRequests = new SampledLog(log, Level.INFO, Duration.ofMinutes(1));

    /** @param clients which peers are trusted proxies, whose connections count against no per-address cap */
    public ConnectionGuard(ConnectionLimits limits, ClientAddresses clients) {
        this.limits = limits;
        this.clients = clients;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, ignoredRemote) -> {
            SocketAddress client = channel.remoteAddress();
            if (!admit(channel, client)) {
                return;
            }
            ReadDeadline deadline = new ReadDeadline(client);
            channel.pipeline().addBefore(NettyPipeline.HttpCodec, "accounts.firstBytes", deadline.firstBytes());
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, "accounts.decodedRequests", deadline.decodedRequests());
        });
    }

    /** Connections open now, for tests and metrics. */
    public int openConnections() {
        return open.get();
    }

    private boolean admit(Channel channel, SocketAddress remote) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            refusedConnections.log("refused a connection from {}: {} are open, the most allowed", remote, limits.maxConnections());
            channel.close();
            return false;
        }
        InetAddress address = remote instanceof InetSocketAddress socket && !clients.isTrustedProxy(socket.getAddress())
                ? ClientAddresses.limitUnitOf(socket.getAddress()) : null;
        if (address != null && !admitFrom(address)) {
            open.decrementAndGet();
            refusedConnections.log("refused a connection from {}: it has {} open, the most one address may", remote,
                    limits.maxConnectionsPerAddress());
            channel.close();
            return false;
        }
        channel.closeFuture().addListener(closed -> {
            open.decrementAndGet();
            if (address != null) {
                openByAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
            }
        });
        return true;
    }

    private boolean admitFrom(InetAddress address) {
        boolean[] admitted = {false};
        openByAddress.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limits.maxConnectionsPerAddress()) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    /**
     * One connection's read deadline. The first raw bytes of a request start the header phase; the decoded
     * headers start the body phase, unless the body came with them; the decoded end of the body ends it. An
     * answer sent before its request's body was read (429, 415, 413) leaves the body phase running: the rest
     * of that body must still come in time. Confined to the event loop.
     */
    private final class ReadDeadline {

        private enum Phase { IDLE, HEADERS, BODY, ANSWERING, CLOSING }

        private final SocketAddress remote;
        private Phase phase = Phase.IDLE;
        private long deadlineNanos;
        private ScheduledFuture<?> timer;
        private long timerNanos;
        /** Between a request's headers and the last byte of its answer. */
        private boolean inRequest;
        /** Closed by the header deadline: the decoder's complaint about the unfinished request says nothing new. */
        private boolean cut;

        ReadDeadline(SocketAddress remote) {
            this.remote = remote;
        }

        ChannelInboundHandlerAdapter firstBytes() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (phase == Phase.IDLE && !inRequest) {
                        begin(ctx, Phase.HEADERS, limits.headerReadTimeout());
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    if (timer != null) {
                        timer.cancel(false);
                        timer = null;
                    }
                    ctx.fireChannelInactive();
                }
            };
        }

        ChannelDuplexHandler decodedRequests() {
            return new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof HttpRequest) {
                        inRequest = true;
                        if (msg instanceof LastHttpContent) {
                            phase = Phase.ANSWERING;
                        } else {
                            begin(ctx, Phase.BODY, limits.bodyReadTimeout());
                        }
                    } else if (msg instanceof LastHttpContent && phase == Phase.BODY) {
                        phase = inRequest ? Phase.ANSWERING : Phase.IDLE;
                    }
                    if (msg instanceof HttpObject http && http.decoderResult().isFailure() && !cut) {
                        Throwable cause = http.decoderResult().cause();
                        malformedRequests.log("refused a malformed request from {}: {}: {}", remote, cause.getClass().getSimpleName(),
                                LogText.escaped(cause.getMessage()));
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof LastHttpContent) {
                        inRequest = false;
                        if (phase == Phase.ANSWERING) {
                            phase = Phase.IDLE;
                        }
                    }
                    ctx.write(msg, promise);
                }
            };
        }

        private void begin(ChannelHandlerContext ctx, Phase next, Duration timeout) {
            phase = next;
            deadlineNanos = System.nanoTime() + timeout.toNanos();
            if (timer != null && timerNanos - deadlineNanos > 0) {
                timer.cancel(false); // due after the new deadline, which only a shorter time-out can make
                timer = null;
            }
            if (timer == null) {
                schedule(ctx, deadlineNanos);
            }
        }

        private void schedule(ChannelHandlerContext ctx, long atNanos) {
            timerNanos = atNanos;
            timer = ctx.executor().schedule(() -> expire(ctx), Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        /** Runs when the timer is due: the deadline it was set for may have moved on, or the phase ended. */
        private void expire(ChannelHandlerContext ctx) {
            timer = null;
            if (phase != Phase.HEADERS && phase != Phase.BODY && phase != Phase.CLOSING) {
                return;
            }
            if (deadlineNanos - System.nanoTime() > 0) {
                schedule(ctx, deadlineNanos);
            } else if (phase == Phase.BODY && inRequest) {
                // The application is reading the body: failing it lets the answer say 408 and close the connection,
                // which is closed here if that answer does not come.
                begin(ctx, Phase.CLOSING, limits.bodyReadTimeout());
                ctx.fireExceptionCaught(ReadTimeoutException.INSTANCE);
            } else if (phase == Phase.CLOSING) {
                ctx.close();
            } else {
                cut = true;
                slowClients.log("closed a connection from {}: a request's headers, or the rest of a body answered early, took longer than {}",
                        remote, phase == Phase.HEADERS ? limits.headerReadTimeout() : limits.bodyReadTimeout());
                ctx.close();
            }
        }
    }
}
