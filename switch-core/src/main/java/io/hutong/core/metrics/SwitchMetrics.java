package io.hutong.core.metrics;

import io.hutong.core.engine.EngineCounters;
import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.Reason;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.List;

/**
 * Renders the switch's metrics in the Prometheus text format (version 0.0.4) for {@code GET /metrics}: payment
 * counters by outcome and reason, refusals, gauges of work in flight per wallet and breaker states, and latency
 * summaries (quantiles since start, from HdrHistogram) of decisions and of each wallet's calls. The engine
 * publishes what it counts a few times a second; rendering reads those published values and never touches
 * engine state.
 * <p>
 * Thread-safe: {@link #render()} is serialised (scrapes are rare).
 */
public final class SwitchMetrics
{
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

    private final EngineCounters counters;
    private final List<String> wallets;
    private final Histogram decisions = new Histogram(3);
    private final Histogram[] walletCalls;

    /**
     * @param counters the engine's counters.
     * @param wallets  wallet ids by slot.
     */
    public SwitchMetrics(final EngineCounters counters, final List<String> wallets)
    {
        this.counters = counters;
        this.wallets = List.copyOf(wallets);
        this.walletCalls = new Histogram[wallets.size()];
        for (int i = 0; i < walletCalls.length; i++)
        {
            walletCalls[i] = new Histogram(3);
        }
    }

    /**
     * @return the metrics as Prometheus text.
     */
    public synchronized String render()
    {
        final StringBuilder out = new StringBuilder(8192);
        out.append("# HELP hutong_up The switch is serving.\n# TYPE hutong_up gauge\nhutong_up 1\n");
        counter(out, "hutong_payments_received_total", "Payment requests received (CPM, MPM, refunds).",
            counters.received());
        header(out, "hutong_payments_final_total", "Payments decided, by final status.", "counter");
        for (final FinalStatus status : FinalStatus.values())
        {
            if (FinalStatus.PENDING != status)
            {
                out.append("hutong_payments_final_total{status=\"").append(status.name()).append("\"} ")
                    .append(counters.finals(status)).append('\n');
            }
        }
        header(out, "hutong_payments_declined_total", "Payments declined or reversed, by reason.", "counter");
        for (final Reason reason : Reason.values())
        {
            out.append("hutong_payments_declined_total{reason=\"").append(reason.name()).append("\"} ")
                .append(counters.declines(reason)).append('\n');
        }
        header(out, "hutong_requests_refused_total", "Requests refused without a payment, by reason.", "counter");
        for (final Reason reason : Reason.values())
        {
            out.append("hutong_requests_refused_total{reason=\"").append(reason.name()).append("\"} ")
                .append(counters.refusals(reason)).append('\n');
        }
        counter(out, "hutong_wallet_calls_total", "Pay, credit and refund calls made to wallets.", counters.walletCalls());
        counter(out, "hutong_alerts_total", "Alerts raised (a refused reversal or release).", counters.alerts());
        counter(out, "hutong_stale_results_total", "Wallet results for no call in flight.", counters.staleResults());
        counter(out, "hutong_malformed_messages_total", "Malformed inbound engine messages (a bug).",
            counters.malformedMessages());
        gauge(out, "hutong_payments_in_flight", "Payments not yet decided.", counters.inFlight());
        gauge(out, "hutong_payments_known", "Payments in memory (in flight and retained for repeats).", counters.payments());
        gauge(out, "hutong_engine_inbox_backlog_bytes", "Bytes waiting in the engine's inbox.", counters.inboxBacklogBytes());
        header(out, "hutong_wallet_in_flight", "Payments in flight per wallet.", "gauge");
        for (int i = 0; i < wallets.size(); i++)
        {
            out.append("hutong_wallet_in_flight{wallet=\"").append(wallets.get(i)).append("\"} ")
                .append(counters.walletInFlight(i)).append('\n');
        }
        header(out, "hutong_wallet_breaker_state", "Pay circuit breaker per wallet: 0 closed, 1 open, 2 half open.", "gauge");
        for (int i = 0; i < wallets.size(); i++)
        {
            out.append("hutong_wallet_breaker_state{wallet=\"").append(wallets.get(i)).append("\"} ")
                .append(counters.breakerState(i)).append('\n');
        }
        accumulate(decisions, counters.decisionLatencyUs());
        header(out, "hutong_decision_latency_us", "Microseconds from request to decision, since start.", "summary");
        summary(out, "hutong_decision_latency_us", "", decisions);
        header(out, "hutong_wallet_call_latency_us", "Microseconds per wallet call, since start.", "summary");
        for (int i = 0; i < wallets.size() && i < counters.wallets(); i++)
        {
            accumulate(walletCalls[i], counters.walletLatencyUs(i));
            summary(out, "hutong_wallet_call_latency_us", "wallet=\"" + wallets.get(i) + "\",", walletCalls[i]);
        }
        return out.toString();
    }

    private static void accumulate(final Histogram total, final Recorder recorder)
    {
        total.add(recorder.getIntervalHistogram());
    }

    private static void summary(final StringBuilder out, final String name, final String labels, final Histogram h)
    {
        for (final double q : QUANTILES)
        {
            out.append(name).append("{").append(labels).append("quantile=\"").append(q).append("\"} ")
                .append(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(q * 100)).append('\n');
        }
        final String plain = labels.isEmpty() ? "" : "{" + labels.substring(0, labels.length() - 1) + "}";
        out.append(name).append("_sum").append(plain).append(' ').append((long)(h.getMean() * h.getTotalCount())).append('\n');
        out.append(name).append("_count").append(plain).append(' ').append(h.getTotalCount()).append('\n');
    }

    private static void counter(final StringBuilder out, final String name, final String help, final long value)
    {
        header(out, name, help, "counter");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(final StringBuilder out, final String name, final String help, final long value)
    {
        header(out, name, help, "gauge");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(final StringBuilder out, final String name, final String help, final String type)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
