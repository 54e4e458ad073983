/** One package per protocol of SPEC R3: its descriptor, delegates and listeners. */
package io.careflow.protocol;
