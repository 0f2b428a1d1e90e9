import { Component, SecurityContext } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

@Component({ selector: 'app-post', template: '<div [innerHTML]="html"></div>' })
export class PostComponent {
  html = '';
  constructor(private sanitizer: DomSanitizer) {}
  show(content: string) {
    this.html = this.sanitizer.sanitize(SecurityContext.HTML, content) ?? '';
  }
  logo() {
    return this.sanitizer.bypassSecurityTrustResourceUrl('/assets/logo.svg');
  }
}
