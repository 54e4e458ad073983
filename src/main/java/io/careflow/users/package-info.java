/**
 * Staff: the operator's import of users and their group memberships (roles), all or nothing.
 * The roles themselves — groups and what each may do — are set up by {@code system.IdentitySetup}
 * and listed in docs/operations.md.
 */
package io.careflow.users;
