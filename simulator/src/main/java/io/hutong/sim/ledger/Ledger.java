package io.hutong.sim.ledger;

import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;
import org.agrona.concurrent.EpochClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One simulated wallet's ledger: consumer accounts, merchants, orders keyed by (merchant id, order number), payer
 * holds keyed by order number, and the wallet's consumer codes. The rules are in docs/simulated-wallets.md
 * ("Ledger rules"); {@link OrderState} draws the state machine.
 * <p>
 * Thread-safe: every operation runs under one lock per ledger. Each is O(1) (hash lookups, one HMAC for a code
 * check) and holds the lock for about a microsecond; signing and I/O happen outside, so at 10,000 payments/s the
 * lock is busy about 1% of the time. One lock keeps every debit, order and code consistent with each other, which
 * striping would not. A payment waiting for the consumer (USERPAYING) is settled lazily from the clock whenever it
 * is read, so no timer is needed. The clock is injected so tests control time.
 */
public final class Ledger
{
    /** {@link #pay} parameter: the payment does not wait for the consumer. */
    public static final long NO_USER_PAYING = -1;

    private final Object lock = new Object();
    private final LedgerSettings settings;
    private final EpochClock clock;
    private final LedgerBook book;
    private final Payments payments;
    private final MpmLegs mpm;
    private int nextDefaultConsumer;

    /**
     * @param settings the wallet's settings.
     * @param clock    the wallet's clock, epoch milliseconds.
     */
    public Ledger(final LedgerSettings settings, final EpochClock clock)
    {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.book = new LedgerBook(settings);
        this.payments = new Payments(book);
        this.mpm = new MpmLegs(book);
    }

    /**
     * @return the wallet's settings.
     */
    public LedgerSettings settings()
    {
        return settings;
    }

    /**
     * Enrols a merchant (idempotent).
     *
     * @param merchantId the merchant id.
     */
    public void addMerchant(final String merchantId)
    {
        if (!AccountUpdate.isValidId(merchantId))
        {
            throw new IllegalArgumentException("merchantId=" + merchantId + ": must be 1-32 of [0-9A-Za-z_-]");
        }
        synchronized (lock)
        {
            book.merchants.computeIfAbsent(merchantId, Merchant::new);
        }
    }

    /**
     * @param merchantId a merchant id.
     * @return the merchant's settled balance in fen, or -1 when not enrolled.
     */
    public long merchantBalance(final String merchantId)
    {
        synchronized (lock)
        {
            final Merchant merchant = book.merchants.get(merchantId);
            return null == merchant ? -1 : merchant.balance;
        }
    }

    /**
     * Creates an account with the defaults or updates one.
     *
     * @param update what to set.
     * @return the account after the update.
     * @throws IllegalStateException when every account number is taken.
     */
    public AccountSnapshot upsertAccount(final AccountUpdate update)
    {
        synchronized (lock)
        {
            ConsumerAccount account = book.accounts.get(update.account());
            if (null == account)
            {
                final int number = book.accountsByNumber.size();
                if (number > CodeFormat.MAX_ACCOUNT_NUMBER)
                {
                    throw new IllegalStateException("accounts=" + (number - 1) + ": every account number is taken");
                }
                account = new ConsumerAccount(update.account(), number,
                    OfflineCodes.seedFor(settings.seedSecret(), update.account()));
                account.balance = settings.defaultBalance();
                account.perPaymentLimit = settings.defaultPerPaymentLimit();
                account.dailyLimit = settings.defaultDailyLimit();
                book.accounts.put(account.id, account);
                book.accountsByNumber.add(account);
                book.codes.register(number, account.seed);
            }
            if (null != update.balance())
            {
                // The held part stays held: a balance below it only makes the account unable to pay.
                account.balance = update.balance();
            }
            if (null != update.perPaymentLimit())
            {
                account.perPaymentLimit = update.perPaymentLimit();
            }
            if (null != update.dailyLimit())
            {
                account.dailyLimit = update.dailyLimit();
            }
            if (null != update.frozen())
            {
                account.frozen = update.frozen();
            }
            return account.snapshot(ConsumerAccount.dayOf(clock.time()));
        }
    }

    /**
     * @param accountId an account id.
     * @return the account, or null when unknown.
     */
    public AccountSnapshot account(final String accountId)
    {
        synchronized (lock)
        {
            final ConsumerAccount account = book.accounts.get(accountId);
            return null == account ? null : account.snapshot(ConsumerAccount.dayOf(clock.time()));
        }
    }

    /**
     * Every consumer with its code seed, in account-number order (for the credentials file).
     *
     * @return account id, number and seed of each consumer.
     */
    public List<ConsumerSeed> consumerSeeds()
    {
        synchronized (lock)
        {
            final List<ConsumerSeed> seeds = new ArrayList<>(book.accountsByNumber.size());
            for (int i = 1; i < book.accountsByNumber.size(); i++)
            {
                final ConsumerAccount account = book.accountsByNumber.get(i);
                seeds.add(new ConsumerSeed(account.id, account.number, account.seed.clone()));
            }
            return seeds;
        }
    }

    /**
     * Issues a fresh one-time code ({@code POST /sim/codes}).
     *
     * @param accountId the account, or null for the next account in round-robin order.
     * @return the code and its account, or null when the account is unknown, there are no accounts, or the account
     *         already got every issuable code of this second.
     */
    public IssuedCode issueCode(final String accountId)
    {
        synchronized (lock)
        {
            final ConsumerAccount account;
            if (null == accountId)
            {
                if (book.accountsByNumber.size() < 2)
                {
                    return null;
                }
                account = book.accountsByNumber.get(1 + nextDefaultConsumer++ % (book.accountsByNumber.size() - 1));
            }
            else
            {
                account = book.accounts.get(accountId);
            }
            if (null == account)
            {
                return null;
            }
            final String code = book.codes.issue(account.number, clock.time());
            return null == code ? null : new IssuedCode(code, account.id);
        }
    }

    /**
     * A CPM payment: resolves the consumer's code, checks the account and debits it, or waits for the consumer.
     *
     * @param merchantId   the merchant.
     * @param orderNo      the merchant's order number.
     * @param code         the scanned consumer code.
     * @param amount       the amount in fen, &gt; 0.
     * @param userPayingMs {@link #NO_USER_PAYING}, or how long the consumer takes to confirm.
     * @param userCancels  with a wait: the consumer cancels instead of confirming.
     * @return DONE (SUCCESS or USERPAYING), DECLINED (a new order in PAYERROR, or a refused order number), or
     *         RESEND with the order's current state.
     */
    public LedgerResult pay(
        final String merchantId,
        final String orderNo,
        final String code,
        final long amount,
        final long userPayingMs,
        final boolean userCancels)
    {
        final long contentHash = LedgerBook.contentHash(code, amount);
        synchronized (lock)
        {
            final long now = clock.time();
            return payments.pay(merchantId, orderNo, code, amount, contentHash, userPayingMs, userCancels, now);
        }
    }

    /**
     * The state of an order of any kind but holds.
     *
     * @param merchantId the merchant.
     * @param orderNo    the order number.
     * @return DONE with the order, or DECLINED with {@link Decline#ORDER_NOT_FOUND} (or MERCHANT_UNKNOWN).
     */
    public LedgerResult query(final String merchantId, final String orderNo)
    {
        synchronized (lock)
        {
            return payments.query(merchantId, orderNo, clock.time());
        }
    }

    /**
     * The state of an order found by the wallet's transaction id.
     *
     * @param walletTxnId the wallet's transaction id.
     * @return DONE with the order, or DECLINED with {@link Decline#ORDER_NOT_FOUND}.
     */
    public LedgerResult queryByTxnId(final String walletTxnId)
    {
        synchronized (lock)
        {
            return book.found(book.byTxnId.get(walletTxnId), clock.time());
        }
    }

    /**
     * Reverses a payment whatever its state: a paid order is refunded in full and REVERSED; one waiting for the
     * consumer has its confirmation cancelled (CLOSED) and the caller is told to call again; an unknown order
     * number becomes a REVERSED tombstone so a late payment (or credit) with it is refused. An MPM credit is
     * taken back from the payee and REVERSED. Idempotent.
     *
     * @param merchantId the merchant.
     * @param orderNo    the order number.
     * @return DONE (REVERSED), CALL_AGAIN, or DECLINED (refunded orders, holds, unknown merchant).
     */
    public LedgerResult reverse(final String merchantId, final String orderNo)
    {
        synchronized (lock)
        {
            return payments.reverse(merchantId, orderNo, clock.time());
        }
    }

    /**
     * Closes an unpaid payment (WeChat {@code closeorder}): one waiting for the consumer is CLOSED; a paid one is
     * refused.
     *
     * @param merchantId the merchant.
     * @param orderNo    the order number.
     * @return DONE (CLOSED, also when already closed or declined), or DECLINED.
     */
    public LedgerResult close(final String merchantId, final String orderNo)
    {
        synchronized (lock)
        {
            return payments.close(merchantId, orderNo, clock.time());
        }
    }

    /**
     * Refunds part or all of a paid order; idempotent by refund number.
     *
     * @param merchantId the merchant.
     * @param orderNo    the paid order.
     * @param refundNo   the merchant's refund number.
     * @param amount     the refund in fen, &gt; 0.
     * @return DONE or RESEND (with the refund id), or DECLINED.
     */
    public LedgerResult refund(final String merchantId, final String orderNo, final String refundNo, final long amount)
    {
        synchronized (lock)
        {
            return payments.refund(merchantId, orderNo, refundNo, amount, clock.time());
        }
    }

    /**
     * Credits a payee merchant (the MPM payee leg); idempotent by order number.
     *
     * @param merchantId the merchant sending the credit (the switch's enrolment at this wallet).
     * @param orderNo    the order number.
     * @param payeeId    the payee merchant.
     * @param amount     the amount in fen, &gt; 0.
     * @return DONE or RESEND (SUCCESS), or DECLINED.
     */
    public LedgerResult credit(final String merchantId, final String orderNo, final String payeeId, final long amount)
    {
        final long contentHash = LedgerBook.contentHash(payeeId, amount);
        synchronized (lock)
        {
            return mpm.credit(merchantId, orderNo, payeeId, amount, contentHash, clock.time());
        }
    }

    /**
     * Places a payer hold (the payer wallet's app approved an MPM payment); idempotent by order number.
     *
     * @param accountId the consumer.
     * @param orderNo   the order number the switch will release or the app capture.
     * @param amount    the amount in fen, &gt; 0.
     * @return DONE or RESEND (HELD, or its later state), or DECLINED.
     */
    public LedgerResult hold(final String accountId, final String orderNo, final long amount)
    {
        synchronized (lock)
        {
            return mpm.hold(accountId, orderNo, amount, clock.time());
        }
    }

    /**
     * Makes a payer hold final: the money leaves the consumer's balance.
     *
     * @param orderNo the hold's order number.
     * @return DONE or RESEND (CAPTURED), or DECLINED (unknown or released).
     */
    public LedgerResult capture(final String orderNo)
    {
        synchronized (lock)
        {
            return mpm.capture(orderNo, clock.time());
        }
    }

    /**
     * Releases a payer hold (MPM compensation); idempotent. An unknown order number becomes a RELEASED tombstone,
     * so a hold placed later with it is refused.
     *
     * @param orderNo the hold's order number.
     * @param amount  the held amount the caller believes in; a different amount is a conflict.
     * @return DONE or RESEND (RELEASED), or DECLINED (captured, or another amount).
     */
    public LedgerResult release(final String orderNo, final long amount)
    {
        synchronized (lock)
        {
            return mpm.release(orderNo, amount, clock.time());
        }
    }

    /**
     * A page of every order in creation order (holds and tombstones included), each settled against the clock.
     *
     * @param offset the first order, &gt;= 0.
     * @param limit  the most orders to return, &gt; 0.
     * @return the orders.
     */
    public List<OrderSnapshot> orders(final int offset, final int limit)
    {
        synchronized (lock)
        {
            final long now = clock.time();
            final ArrayList<Order> all = book.all;
            final int end = (int)Math.min(all.size(), (long)offset + limit);
            final List<OrderSnapshot> page = new ArrayList<>(Math.max(0, end - offset));
            for (int i = offset; i < end; i++)
            {
                final Order order = all.get(i);
                book.settle(order, now);
                page.add(order.snapshot());
            }
            return page;
        }
    }

    /**
     * @return the number of orders recorded.
     */
    public int orderCount()
    {
        synchronized (lock)
        {
            return book.all.size();
        }
    }

    /**
     * @return the operation counters.
     */
    public LedgerCounters counters()
    {
        synchronized (lock)
        {
            return book.counters();
        }
    }
}
