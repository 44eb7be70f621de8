package org.heritageguide.limits;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Each client's budgets ({@code guide.limits.*}), per client address (see {@code guide.web.trusted-proxies})
 * and per instance: a client may spend a budget's {@code burst} at once, and gets {@code per-minute} back
 * a minute, evenly. The defaults let a school class of 30 behind one address visit at its busiest
 * (docs/operations.md shows the sums).
 *
 * @param sessionsBurst          conversations opened ({@code POST /api/v1/sessions}) at once
 * @param sessionsPerMinute      and a minute
 * @param turnsBurst             questions, typed ({@code POST .../turns}) or spoken (each question on the
 *                               voice socket), at once
 * @param turnsPerMinute         and a minute
 * @param voiceSocketsBurst      voice connections opened ({@code WS .../voice}) at once
 * @param voiceSocketsPerMinute  and a minute
 */
@Validated
@ConfigurationProperties("guide.limits")
public record LimitSettings(
        @Min(1) @DefaultValue("60") int sessionsBurst,
        @Min(1) @DefaultValue("30") int sessionsPerMinute,
        @Min(1) @DefaultValue("60") int turnsBurst,
        @Min(1) @DefaultValue("120") int turnsPerMinute,
        @Min(1) @DefaultValue("60") int voiceSocketsBurst,
        @Min(1) @DefaultValue("60") int voiceSocketsPerMinute) {
}
