/* dp-rr: tiny netperf-like TCP_RR / TCP_CRR / TCP_STREAM tool (netperf is not in Debian main).
 * Origin: shared/research/dp-tools/dp-rr.c, the client/server behind the figures in shared/research/datapath.md.
 * Changes for Palisade.Bench datapath (bench/Palisade.Bench/Lab/DatapathBench.cs): the server prints
 * "listening PORT" once it listens; crr waits for the server's FIN before it closes (without that the client's close
 * could cross the server's FIN, leaving TIME_WAIT on the client too: once its ports ran out, each connect scanned for
 * a free one and CRR fell from ~10k to ~1k/s); a stream mode; the UDP flooder and transparent listener are gone.
 *   dp-rr server PORT              epoll server: echoes what arrives (closes on EOF); a connection whose first byte is
 *                                  'S' is a sink (read and discarded)
 *   dp-rr rr     HOST PORT SECS    1 connection, 1-byte request/response ping-pong
 *   dp-rr crr    HOST PORT SECS    connect + 1-byte req/resp + close, repeated one at a time; the server closes first,
 *                                  so TIME_WAIT sits on the server and the client never runs out of ports
 *   dp-rr stream HOST PORT SECS    1 connection, 128 KiB writes for SECS, then shutdown and wait for the server's
 *                                  close, so the time includes draining the socket buffers
 * rr/crr print:  "<mode> trans/s=<n> avg_us=<x> p50_us=<x> p99_us=<x> n=<count> errors=<e>"
 * stream prints: "stream gbit/s=<x> bytes=<n> secs=<x> errors=<e>"
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define NB 2000000 /* histogram buckets of 0.1 us => 200 ms */
#define MAXFD 65536
#define BUF (256 * 1024)
static uint32_t *hist;
static unsigned char kind[MAXFD]; /* per server connection: 0 = no byte yet, 1 = echo, 2 = sink */
static char buf[BUF];
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static void rec(double s){long b=(long)(s*1e7); if(b>=NB)b=NB-1; hist[b]++;}
static double pct(long n,double p){long want=(long)(n*p); long c=0; for(long i=0;i<NB;i++){c+=hist[i]; if(c>want) return i/10.0;} return NB/10.0;}
static struct sockaddr_in mkaddr(const char*h,int port){struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(port);inet_pton(AF_INET,h,&a.sin_addr);return a;}

static void drop(int ep,int fd){epoll_ctl(ep,EPOLL_CTL_DEL,fd,NULL);close(fd);}

static int server(int port){
  int ls=socket(AF_INET,SOCK_STREAM|SOCK_NONBLOCK,0),one=1;
  setsockopt(ls,SOL_SOCKET,SO_REUSEADDR,&one,sizeof one);
  struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(port);
  if(bind(ls,(void*)&a,sizeof a)||listen(ls,4096)){perror("bind/listen");return 1;}
  int ep=epoll_create1(0); struct epoll_event ev={.events=EPOLLIN,.data.fd=ls}; epoll_ctl(ep,EPOLL_CTL_ADD,ls,&ev);
  printf("listening %d\n",port); fflush(stdout);
  struct epoll_event evs[256];
  for(;;){int n=epoll_wait(ep,evs,256,-1);
    for(int i=0;i<n;i++){int fd=evs[i].data.fd;
      if(fd==ls){for(;;){int c=accept4(ls,NULL,NULL,SOCK_NONBLOCK); if(c<0)break;
          if(c>=MAXFD){close(c);continue;}
          setsockopt(c,IPPROTO_TCP,TCP_NODELAY,&one,sizeof one); kind[c]=0;
          struct epoll_event e={.events=EPOLLIN,.data.fd=c}; epoll_ctl(ep,EPOLL_CTL_ADD,c,&e);} continue;}
      ssize_t r=read(fd,buf,kind[fd]==2?BUF:4096);
      if(r>0){
        if(kind[fd]==0) kind[fd]=buf[0]=='S'?2:1;
        if(kind[fd]==2) continue;
        if(write(fd,buf,r)<0){}
        if(buf[0]=='C') drop(ep,fd); /* CRR: the server closes first */
      } else if(r==0||(errno!=EAGAIN&&errno!=EWOULDBLOCK)) drop(ep,fd);
    }}
}

static int stream(struct sockaddr_in a,double secs){
  int s=socket(AF_INET,SOCK_STREAM,0);
  if(connect(s,(void*)&a,sizeof a)){perror("connect");return 1;}
  memset(buf,'S',BUF);
  long bytes=0,err=0; double t0=now(),end=t0+secs;
  while(now()<end){ssize_t w=write(s,buf,BUF); if(w<0){err++;break;} bytes+=w;}
  shutdown(s,SHUT_WR);
  while(read(s,buf,BUF)>0){}
  double el=now()-t0; close(s);
  printf("stream gbit/s=%.2f bytes=%ld secs=%.3f errors=%ld\n",bytes*8/el/1e9,bytes,el,err);
  return err?1:0;
}

int main(int argc,char**argv){
  if(argc<3){fprintf(stderr,"usage: dp-rr server PORT | dp-rr rr|crr|stream HOST PORT SECS\n");return 2;}
  if(!strcmp(argv[1],"server")) return server(atoi(argv[2]));
  if(argc<5){fprintf(stderr,"usage: dp-rr rr|crr|stream HOST PORT SECS\n");return 2;}
  const char*host=argv[2]; int port=atoi(argv[3]); double secs=atof(argv[4]);
  struct sockaddr_in a=mkaddr(host,port); int one=1; long n=0,err=0; char c='x';
  if(!strcmp(argv[1],"stream")) return stream(a,secs);
  hist=calloc(NB,sizeof *hist);
  double t0=now(),end=t0+secs,sum=0;
  if(!strcmp(argv[1],"rr")){
    int s=socket(AF_INET,SOCK_STREAM,0); setsockopt(s,IPPROTO_TCP,TCP_NODELAY,&one,sizeof one);
    if(connect(s,(void*)&a,sizeof a)){perror("connect");return 1;}
    t0=now(); end=t0+secs;
    for(;;){double t=now(); if(t>=end)break;
      if(write(s,&c,1)!=1||read(s,&c,1)!=1){err++;break;}
      double d=now()-t; sum+=d; rec(d); n++;}
    close(s);
  } else if(!strcmp(argv[1],"crr")){
    c='C';
    for(;;){double t=now(); if(t>=end)break;
      int s=socket(AF_INET,SOCK_STREAM,0); setsockopt(s,IPPROTO_TCP,TCP_NODELAY,&one,sizeof one);
      if(connect(s,(void*)&a,sizeof a)||write(s,&c,1)!=1||read(s,&c,1)!=1){err++;close(s); if(err>1000&&n==0)break; usleep(1000); continue;}
      while(read(s,&c,1)>0){} /* the server's FIN: close second, so no TIME_WAIT on the client */
      close(s); double d=now()-t; sum+=d; rec(d); n++;}
  } else {fprintf(stderr,"bad mode %s\n",argv[1]);return 2;}
  double el=now()-t0;
  printf("%s trans/s=%.0f avg_us=%.1f p50_us=%.1f p99_us=%.1f n=%ld errors=%ld\n",argv[1],n/el,n?sum/n*1e6:0,pct(n,.5),pct(n,.99),n,err);
  return 0;
}
