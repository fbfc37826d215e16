/**
 * Inter-wallet settlement: the positions the engine keeps during the day, and (from the journal) the netted
 * report of who owes whom.
 */
package io.hutong.core.settlement;
