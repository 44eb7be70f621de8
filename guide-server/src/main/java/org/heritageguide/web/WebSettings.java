package org.heritageguide.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the guide sees its clients ({@code guide.web.*}).
 *
 * @param trustedProxies the reverse proxies (addresses, or ranges such as {@code 10.0.0.0/8}) whose
 *                       {@code Forwarded} / {@code X-Forwarded-For} headers name the visitor's address.
 *                       A request from any other address is the visitor's own, whatever headers it
 *                       carries: anyone can write those headers
 */
@Validated
@ConfigurationProperties("guide.web")
public record WebSettings(
        @NotNull @DefaultValue List<@Pattern(regexp = "[0-9A-Fa-f:.]+(/[0-9]{1,3})?",
                message = "must be an IP address or a range such as 10.0.0.0/8") String> trustedProxies) {
}
