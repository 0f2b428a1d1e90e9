import { Component } from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

@Component({ selector: 'app-post', template: '<div [innerHTML]="html"></div>' })
export class PostComponent {
  html: SafeHtml;
  constructor(private sanitizer: DomSanitizer) {}
  show(content: string) {
    // ruleid: code/js-angular-bypass-security-trust
    this.html = this.sanitizer.bypassSecurityTrustHtml(content);
  }
  link(url: string) {
    // ruleid: code/js-angular-bypass-security-trust
    return this.sanitizer.bypassSecurityTrustResourceUrl(url);
  }
}
