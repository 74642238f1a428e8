/**
 * Signal policy (sec. 1.10).
 *
 * The provider runs in Terraform's process group, so a terminal Ctrl-C reaches it too. Like
 * go-plugin servers ("eat the interrupts") we ignore SIGINT in plugin mode: Terraform itself
 * reacts to Ctrl-C by calling StopProvider and waiting for in-flight operations; dying here would
 * lose the result of an apply in progress. SIGTERM and SIGHUP end the process cleanly (socket
 * removed) - Node's default for them would skip all cleanup.
 */
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logging';

export interface SignalPolicy {
  /** true in plugin mode; false in debug mode, where Ctrl-C is how a human stops the server. */
  readonly ignoreInterrupt: boolean;
}

export function installSignalHandlers(lifecycle: Lifecycle, logger: Logger, policy: SignalPolicy): void {
  let interrupts = 0;
  process.on('SIGINT', () => {
    if (policy.ignoreInterrupt) {
      interrupts++;
      logger.debug('ignoring interrupt; Terraform stops in-flight work via StopProvider', { count: interrupts });
      return;
    }
    void lifecycle.shutdown(0, 'SIGINT');
  });
  process.on('SIGTERM', () => void lifecycle.shutdown(0, 'SIGTERM'));
  process.on('SIGHUP', () => void lifecycle.shutdown(0, 'SIGHUP'));
}
