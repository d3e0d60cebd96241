# Sourced by the update tests: a real nginx on 127.0.0.1 serving a folder as the [sync] server does (static
# GET, as the coordinator publishes packs by copying files), everything inside one work folder.
#   start_nginx ROOT WWW [DIRECTIVES]   sets nginx_port, nginx_pid; exits 77 (CTest's skip) when nginx is
#   missing. DIRECTIVES go into the server block (e.g. "limit_rate 40k;" to make downloads take a while).
start_nginx() {
  local root=$1 www=$2 directives=${3:-}
  if [ -n "${KIOSK_TEST_WITHOUT_NGINX:-}" ] || [ ! -x /usr/sbin/nginx ]; then
    echo "SKIP: nginx is not installed (scripts/install-deps.sh --test installs nginx-light)"
    exit 77
  fi
  mkdir -p "$root/temp"
  nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$root/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $root/nginx.pid;
error_log $root/error.log warn;
events { worker_connections 64; }
http {
  access_log $root/access.log;
  client_body_temp_path $root/temp/body;
  proxy_temp_path $root/temp/proxy;
  fastcgi_temp_path $root/temp/fastcgi;
  uwsgi_temp_path $root/temp/uwsgi;
  scgi_temp_path $root/temp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
    $directives
  }
}
CONF
  /usr/sbin/nginx -p "$root/" -c "$root/nginx.conf" -e "$root/error.log" &
  nginx_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "FAIL: nginx did not start on port $nginx_port"; cat "$root/error.log"; exit 1
}
