/** Helpers shared by the tests of the provider modules. Not published; test scope only. */
package io.github.finetune4j.testsupport;
