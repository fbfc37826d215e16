package io.hutong.connector.alipay;

import java.util.Map;

/**
 * A signed Alipay gateway request as a real client sends it: {@code POST <gateway>?<queryString>} with
 * {@code Content-Type: application/x-www-form-urlencoded;charset=utf-8} and {@link #formBody()} as the body.
 * As in the Alipay SDK, system parameters (including {@code sign}) travel URL-encoded in the query string and
 * {@code biz_content} in the form body.
 *
 * @param params      every parameter that was signed plus {@code sign}, unmodifiable, sorted by key.
 * @param queryString the URL-encoded system parameters, without the leading {@code ?}.
 * @param formBody    the URL-encoded form body ({@code biz_content=...}).
 */
public record AlipayWireRequest(Map<String, String> params, String queryString, String formBody)
{
    /**
     * @return the signature sent.
     */
    public String sign()
    {
        return params.get(AlipaySign.SIGN);
    }
}
