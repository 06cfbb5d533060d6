// Rack audits (seed 002) on a warehouse tablet: #/racks lists floors, free racks and who holds the others;
// #/racks/session/<id> is one audit session. Scans go into the offline queue (tandem/lib/offline-queue.js) and
// are synced in batches; the user's live sessions keep their leases by heartbeat (racks/leases.js), also while
// another area is on screen, until sign-out.
import { user } from 'tandem/lib/auth.js';
import * as leases from './racks/leases.js';
import { syncFor } from './racks/sync.js';
import { renderList } from './racks/list.js';
import { renderSession } from './racks/session.js';

export default {
  render(root, params) {
    const me = user();
    leases.start();
    const sync = syncFor(me);
    const [view, id] = params;
    return view === 'session' && id ? renderSession(root, id, sync) : renderList(root, sync);
  },
};
