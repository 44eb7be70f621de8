package org.heritageguide.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpStatusClass;
import reactor.netty.NettyPipeline;

/**
 * Requests refused before any controller sees them get the same {@code {error, message}} as the rest:
 * addresses Spring Security's firewall rejects (an encoded slash, {@code ..}, ...), and requests Reactor
 * Netty cannot read (an address over its limit, headers too large), which it would answer with an empty body.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    ServerExchangeRejectedHandler firewallRejections() {
        return (exchange, rejected) -> new ApiError("invalid-address",
                "This address is not accepted: it holds an encoded slash, '..', or another sequence that is refused.")
                .writeTo(exchange.getResponse(), HttpStatus.BAD_REQUEST);
    }

    @Bean
    NettyServerCustomizer undecodableRequestsAnswerJson() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "guide.undecodableRequests", new UndecodableRequests());
            }
        });
    }

    /**
     * Sits between Netty's HTTP codec and Reactor Netty on one connection: it notes a request the codec
     * could not read, and puts the JSON error into the empty answer Reactor Netty then sends.
     */
    static final class UndecodableRequests extends ChannelDuplexHandler {

        private boolean undecodable;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
                undecodable = true;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (undecodable && msg instanceof FullHttpResponse response && !response.content().isReadable()
                    && response.status().codeClass() == HttpStatusClass.CLIENT_ERROR) {
                undecodable = false;
                byte[] body = errorFor(response.status().code()).toJson();
                FullHttpResponse json = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                json.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                ctx.write(json, promise);
                return;
            }
            ctx.write(msg, promise);
        }

        static ApiError errorFor(int status) {
            return switch (status) {
                case 414 -> new ApiError("uri-too-long", "This address is too long.");
                case 431 -> new ApiError("headers-too-large", "The request's headers are too large.");
                case 413 -> new ApiError("too-large", "The request is too large.");
                default -> new ApiError("bad-request", "This request could not be read as HTTP.");
            };
        }
    }
}
