/**
 * One code card for every wallet: builds an EMV merchant-presented code that lists each wallet the merchant
 * is enrolled with, and signs it (SM2 with SM3, carried in unreserved templates 90-91) so that wallets can
 * tell the merchant's genuine card from a swapped sticker.
 */
package io.hutong.codec.card;
