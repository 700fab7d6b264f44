/**
 * The patient portal's back-end API: JSON over the service port's mutual TLS, for the web portal
 * through which patients exercise their controls over their DMP (the national DMP offers them on its
 * patient site, not to clinical software): who is authorized or blocked, block and unblock a
 * professional, designate the treating doctor, oppose bris de glace and centre 15 access. Only clients
 * whose certificate subject is configured ({@code dmp.portal.client-subjects}) may call it.
 */
package org.opendmp.server.portal;
