// Every area of Tandem, in the order of the navigation. Each module's default export is
// {render(root, params) → cleanup?}; it is loaded when first opened.
export const AREAS = [
  { path: 'storage', title: 'Storage systems', load: () => import('./storage.js') },
  { path: 'san', title: 'SAN zones & aliases', load: () => import('./san.js') },
  { path: 'customers', title: 'Customers & projects', load: () => import('./customers.js') },
  { path: 'orders', title: 'Orders', load: () => import('./orders.js') },
  { path: 'portfolio', title: 'Portfolio planner', load: () => import('./portfolio.js') },
  { path: 'stock', title: 'Stock & allocations', load: () => import('./stock.js') },
  { path: 'leave', title: 'Leave requests', load: () => import('./leave.js') },
  { path: 'timesheets', title: 'Timesheets', load: () => import('./timesheets.js') },
  { path: 'racks', title: 'Rack audits', load: () => import('./racks.js') },
  { path: 'admin', title: 'Administration', roles: ['ADMIN', 'MANAGER'], load: () => import('./admin.js') },
];
