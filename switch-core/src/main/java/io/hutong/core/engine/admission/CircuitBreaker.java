package io.hutong.core.engine.admission;

/**
 * One wallet's circuit breaker for new payments. After {@code failureThreshold} pays in a row that got no
 * usable answer (unknown outcome or not sent) it opens: new pays are declined at once as wallet unavailable
 * for {@code openMs}, sparing a failing wallet and the terminals waiting on it. Then one trial pay is let
 * through (half open); its success closes the breaker, its failure opens it again. Queries and reversals never
 * pass through a breaker: they must reach the wallet to finish payments already made.
 * <p>
 * Engine thread only; the clock is the engine's millisecond clock.
 */
public final class CircuitBreaker
{
    /** Closed: pays flow. */
    public static final int CLOSED = 0;
    /** Open: pays are refused until the cool-down ends. */
    public static final int OPEN = 1;
    /** Half open: one trial pay is in flight. */
    public static final int HALF_OPEN = 2;

    private final int failureThreshold;
    private final long openMs;
    private int state = CLOSED;
    private int failures;
    private long openUntilMs;
    private long opened;

    /**
     * @param failureThreshold consecutive failures that open the breaker, &gt; 0.
     * @param openMs           how long it stays open, &gt; 0.
     */
    public CircuitBreaker(final int failureThreshold, final long openMs)
    {
        if (failureThreshold <= 0 || openMs <= 0)
        {
            throw new IllegalArgumentException("failureThreshold=" + failureThreshold + " openMs=" + openMs + ": must be > 0");
        }
        this.failureThreshold = failureThreshold;
        this.openMs = openMs;
    }

    /**
     * Ask to send a new pay.
     *
     * @param nowMs the engine's clock.
     * @return true if the pay may go to the wallet.
     */
    public boolean tryPass(final long nowMs)
    {
        switch (state)
        {
            case CLOSED:
                return true;
            case OPEN:
                if (nowMs - openUntilMs >= 0)
                {
                    state = HALF_OPEN;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /**
     * A pay got a usable answer (approved or declined by the wallet).
     */
    public void onSuccess()
    {
        failures = 0;
        state = CLOSED;
    }

    /**
     * A pay got no usable answer.
     *
     * @param nowMs the engine's clock.
     */
    public void onFailure(final long nowMs)
    {
        failures++;
        if (HALF_OPEN == state || (CLOSED == state && failures >= failureThreshold))
        {
            state = OPEN;
            openUntilMs = nowMs + openMs;
            opened++;
        }
    }

    /**
     * @return {@link #CLOSED}, {@link #OPEN} or {@link #HALF_OPEN}.
     */
    public int state()
    {
        return state;
    }

    /**
     * @return how many times the breaker has opened.
     */
    public long timesOpened()
    {
        return opened;
    }
}
