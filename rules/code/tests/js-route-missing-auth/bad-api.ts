// A REST API whose writes need a signed-in user; one delete was left open.
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';

export const api = Router();

api.get('/posts', listPosts);
api.get('/posts/:id', getPost);
api.post('/posts', requireAuth, createPost);
api.put('/posts/:id', requireAuth, updatePost);
api.patch('/posts/:id/publish', requireAuth, publishPost);
// ruleid: code/js-route-missing-auth
api.delete('/posts/:id', deletePost);
api.post('/comments', requireAuth, createComment);
