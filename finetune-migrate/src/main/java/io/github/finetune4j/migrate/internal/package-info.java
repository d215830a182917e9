/**
 * Migration internals: the manifest of a migration folder (its JSON state, atomic writes, the folder lock) and the
 * golden-answer store. Not API. May change in any release.
 */
package io.github.finetune4j.migrate.internal;
