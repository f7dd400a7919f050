/*
 * khcn-workflow: the way back to the Department's own pages from Tasklist's header.
 *
 * A Tasklist plugin (point "tasklist.navbar.action", exported for config.js customScripts) that
 * puts "Trang chủ" next to Tasklist's own actions: the home page of the application (/), where
 * registering, the inbox and document search are, with the same login.
 */
export default {
  id: 'khcn-home-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 300,
  render: function(node) {
    const link = document.createElement('a');
    link.href = '/';
    link.className = 'khcn-home-link';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-home';
    icon.setAttribute('aria-hidden', 'true');
    link.appendChild(icon);
    link.appendChild(document.createTextNode(' Trang chủ'));
    node.appendChild(link);
  }
};
