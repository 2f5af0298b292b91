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
 * {@link ConnectionLimits#bodyReadTimeout()}; past the connection cap, or past the cap for one address (trusted
 * proxies, which speak for many clients, excepted), new connections are closed at once.
 * Idle keep-alive connections are closed by {@code server.netty.idle-timeout}. A request Netty cannot
 * decode (a malformed chunk, a control character in a header name, 1,000 headers) costs one log line, with
 * what the client wrote escaped, instead of Reactor Netty's warning that repeats the whole request.
 *
 * <p>Reactor Netty times out reading a body ({@code readTimeout}, {@code requestTimeout}) but not reading
 * headers: its idle timeout restarts with every byte, so a client sending one byte a second would hold a
 * connection for as long as its headers may be long. The header deadline is therefore ours.
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
        // Past the body's deadline Reactor Netty fails the request's body and closes the connection.
        return server
                .requestTimeout(limits.bodyReadTimeout())
                .doOnChannelInit((observer, channel, ignoredRemote) -> {
                    SocketAddress client = channel.remoteAddress();
                    if (!admit(channel, client)) {
                        return;
                    }
                    HeaderDeadline deadline = new HeaderDeadline(client);
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
        InetAddress address = remote instanceof InetSocketAddress socket && !clients.isTrustedProxy(socket.getAddress()) ? socket.getAddress() : null;
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
     * One connection's deadline: armed by the first raw bytes of a request, cleared once the codec has
     * decoded its headers, and ready again when the response has been written. Bytes that come after an
     * answer sent before its request's body was read (429, 415, 413) arm it too, until that body ends.
     * Confined to the event loop.
     */
    private final class HeaderDeadline {

        private final SocketAddress remote;
        private ScheduledFuture<?> deadline;
        private boolean inRequest;
        /** Closed by the deadline: the decoder's complaint about the unfinished request says nothing new. */
        private boolean cut;

        HeaderDeadline(SocketAddress remote) {
            this.remote = remote;
        }

        ChannelInboundHandlerAdapter firstBytes() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (!inRequest && deadline == null) {
                        deadline = ctx.executor().schedule(() -> cutOff(ctx), limits.headerReadTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    disarm();
                    ctx.fireChannelInactive();
                }
            };
        }

        ChannelDuplexHandler decodedRequests() {
            return new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof HttpRequest) {
                        disarm();
                        inRequest = true;
                    } else if (msg instanceof LastHttpContent && !inRequest) {
                        disarm(); // the rest of a body the answer did not wait for: no new request has begun
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
                    }
                    ctx.write(msg, promise);
                }
            };
        }

        private void cutOff(ChannelHandlerContext ctx) {
            deadline = null;
            cut = true;
            slowClients.log("closed a connection from {}: a request's headers, or the rest of a body answered early, took longer than {}",
                    remote, limits.headerReadTimeout());
            ctx.close();
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
